/**
 * Rule kind → module. A template's rules are interpreted by the module of their kind;
 * a new kind is added with `registerRuleKind` without touching the engine.
 */
import type { RuleModule } from "./context";
import { sumRule } from "./sum";
import { leRule } from "./le";
import { ratioRule } from "./ratio";
import { impliesRule } from "./implies";
import { registerCountRule } from "./register-count";
import { periodRule } from "./period";
import { expressionRule } from "./expression";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const registry = new Map<string, RuleModule<any>>();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function registerRuleKind(m: RuleModule<any>): void {
  registry.set(m.kind, m);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ruleModule(kind: string): RuleModule<any> | undefined {
  return registry.get(kind);
}

export function ruleKinds(): string[] {
  return Array.from(registry.keys());
}

for (const m of [sumRule, leRule, ratioRule, impliesRule, registerCountRule, periodRule, expressionRule]) registerRuleKind(m);
