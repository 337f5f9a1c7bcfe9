/** The built-in templates, in the order they are offered (default first). Data only. */
import type { TemplateDef } from "../types";
import { qcdc2021 } from "./qcdc-2021/index";

export const BUILT_IN_TEMPLATES: readonly TemplateDef[] = [qcdc2021];

/** One part of each built-in template that has it, by template id. */
export function byTemplate<K extends keyof TemplateDef>(part: K): Record<string, NonNullable<TemplateDef[K]>> {
  const out: Record<string, NonNullable<TemplateDef[K]>> = {};
  for (const t of BUILT_IN_TEMPLATES) if (t[part] !== undefined) out[t.id] = t[part] as NonNullable<TemplateDef[K]>;
  return out;
}
