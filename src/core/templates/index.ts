/**
 * The templates the product knows, read through this one registry. A template is data
 * (docs/spec/template.md; one folder per built-in template); every template is checked
 * when it is registered (template-check.ts), so a template with a mistake fails loudly
 * instead of giving wrong findings or sentences later.
 */
import type { Finding, TemplateDef } from "../types";
import { checkTemplate } from "../template-check";
import { BUILT_IN_TEMPLATES } from "./built-in";
import { qcdc2021 } from "./qcdc-2021/index";

/** A template refused by the registry, with the template check's findings. */
export class TemplateError extends Error {
  constructor(
    readonly templateId: string,
    readonly findings: Finding[],
  ) {
    super(
      `Mẫu "${templateId}" có ${findings.length} lỗi:\n` + findings.map((f) => `- ${f.path ? f.path + ": " : ""}${f.message}`).join("\n"),
    );
    this.name = "TemplateError";
  }
}

const templates = new Map<string, TemplateDef>();
let builtIns = false;

/**
 * The built-ins are registered on first use, not at load: the check asks the rules
 * registry for its kinds, which must have loaded by then.
 */
function ensureBuiltIns(): void {
  if (builtIns) return;
  builtIns = true;
  for (const t of BUILT_IN_TEMPLATES) if (!templates.has(t.id)) registerTemplate(t);
}

/** The template with this id, or undefined. */
export function getTemplate(id: string): TemplateDef | undefined {
  ensureBuiltIns();
  return typeof id === "string" ? templates.get(id.trim()) : undefined;
}

/** All known templates, in the order they were added. */
export function listTemplates(): TemplateDef[] {
  ensureBuiltIns();
  return Array.from(templates.values());
}

/**
 * Add (or replace) a template, e.g. one a province designed. Throws TemplateError listing
 * every error the template check finds.
 */
export function registerTemplate(t: TemplateDef): void {
  ensureBuiltIns();
  const errors = checkTemplate(t).filter((f) => f.severity === "error");
  if (errors.length) throw new TemplateError(String((t as { id?: unknown })?.id ?? ""), errors);
  templates.set(t.id, t);
}

export { qcdc2021 };
