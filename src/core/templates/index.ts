/**
 * The templates the product knows. A template is data (see ../types.ts): a later form is
 * added here, or at run time with `registerTemplate`, without touching the engine.
 */
import type { TemplateDef } from "../types";
import { qcdc2021 } from "./qcdc-2021";
import { dccs2025, DCCS_2025_MESSAGES } from "./dccs-2025";
import { registerMessages } from "../i18n";

/** The default template of a new workbook (`phuluc init`, the pane's set-up). */
export const DEFAULT_TEMPLATE_ID = "dccs-2025";

const templates = new Map<string, TemplateDef>([
  [qcdc2021.id, qcdc2021],
  [dccs2025.id, dccs2025],
]);
registerMessages(DCCS_2025_MESSAGES);

/** The template with this id, or undefined. */
export function getTemplate(id: string): TemplateDef | undefined {
  return typeof id === "string" ? templates.get(id.trim()) : undefined;
}

/** All known templates, in the order they were added. */
export function listTemplates(): TemplateDef[] {
  return Array.from(templates.values());
}

/** Add (or replace) a template, e.g. one a user defined. */
export function registerTemplate(t: TemplateDef): void {
  templates.set(t.id, t);
}

export { qcdc2021, dccs2025 };
