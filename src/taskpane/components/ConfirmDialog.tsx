/**
 * The confirmation dialog shown before the add-in writes to the workbook (Office cannot
 * undo an add-in's changes). Its own chunk: loaded with the workbook operations.
 */
import * as React from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";

export interface ConfirmDialogProps {
  title: string;
  children?: React.ReactNode;
  okLabel: string;
  cancelLabel: string;
  onOk: () => void;
  onCancel: () => void;
}

export default function ConfirmDialog({ title, children, okLabel, cancelLabel, onOk, onCancel }: ConfirmDialogProps): React.ReactElement {
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, d) => !d.open && onCancel()}>
      <DialogSurface data-testid="confirm">
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel} data-testid="confirm-cancel">
              {cancelLabel}
            </Button>
            <Button appearance="primary" onClick={onOk} data-testid="confirm-ok">
              {okLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
