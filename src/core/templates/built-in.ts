/** The built-in templates, in the order they are offered (default first). Data only. */
import type { TemplateDef } from "../types";
import { qcdc2021 } from "./qcdc-2021/index";
import { dccs2025 } from "./dccs-2025/index";

export const BUILT_IN_TEMPLATES: readonly TemplateDef[] = [dccs2025, qcdc2021];

/** The default template of a new workbook (`phuluc init`, the pane's set-up): the first built-in. */
export const DEFAULT_TEMPLATE_ID = BUILT_IN_TEMPLATES[0].id;

/** One part of each built-in template that has it, by template id. */
export function byTemplate<K extends keyof TemplateDef>(part: K): Record<string, NonNullable<TemplateDef[K]>> {
  const out: Record<string, NonNullable<TemplateDef[K]>> = {};
  for (const t of BUILT_IN_TEMPLATES) if (t[part] !== undefined) out[t.id] = t[part] as NonNullable<TemplateDef[K]>;
  return out;
}
