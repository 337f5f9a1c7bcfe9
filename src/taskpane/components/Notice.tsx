/**
 * A small message box (success, info, warning, error) in the Fluent colours, without the
 * icon font/SVG set Fluent's MessageBar brings in: the pane's first download stays small.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  base: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: "8px 12px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: "anywhere",
  },
  success: { backgroundColor: tokens.colorPaletteGreenBackground1, border: `1px solid ${tokens.colorPaletteGreenBorder1}` },
  info: { backgroundColor: tokens.colorNeutralBackground3 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground1, border: `1px solid ${tokens.colorPaletteYellowBorder1}` },
  error: { backgroundColor: tokens.colorPaletteRedBackground1, border: `1px solid ${tokens.colorPaletteRedBorder1}` },
  title: { fontWeight: tokens.fontWeightSemibold },
});

const MARK = { success: "✓", info: "ℹ", warning: "⚠", error: "✗" } as const;

export function Notice({
  intent,
  title,
  children,
  testId,
}: {
  intent: "success" | "info" | "warning" | "error";
  title?: React.ReactNode;
  children?: React.ReactNode;
  testId?: string;
}): React.ReactElement {
  const s = useStyles();
  return (
    <div className={mergeClasses(s.base, s[intent])} role={intent === "error" ? "alert" : "status"} data-testid={testId} data-intent={intent}>
      {title ? (
        <div className={s.title}>
          <span aria-hidden="true">{MARK[intent]} </span>
          {title}
        </div>
      ) : null}
      {children ? <div>{title ? null : <span aria-hidden="true">{MARK[intent]} </span>}{children}</div> : null}
    </div>
  );
}
