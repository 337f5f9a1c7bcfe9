/**
 * Where a finding that an error implies (`impliedBy`, set by the engine's markImplied) is
 * shown: under that error, in the pane and the CLI. A module of its own so that the pane's
 * findings list does not load the rules engine.
 */
import type { Finding } from "./types";

/**
 * The error a finding is shown under (`impliedBy`), among `list`: the first error of that rule
 * on the finding's first figure, else the first error of that rule.
 */
export function impliedParent(f: Finding, list: Finding[]): Finding | undefined {
  if (!f.impliedBy || f.severity === "error") return undefined;
  const code = f.indicators[0];
  let any: Finding | undefined;
  for (const e of list) {
    if (e.severity !== "error" || e.rule !== f.impliedBy) continue;
    if (code !== undefined && e.indicators.includes(code)) return e;
    any = any ?? e;
  }
  return any;
}
