/**
 * Cell maps with a resolver. A 50,000-row register has 300,000 field cells; writing one
 * map entry per cell costs more than reading the register. So `readWorkbook` puts only
 * the few fixed entries (values, report, sections, rules, overrides, each register's
 * header) in its `CellMap`, and registers a resolver for that map that computes a register
 * path's cell ("registers.van_ban[3].date" → "'Văn bản'!B7", "registers.van_ban[3]" → the
 * row) from each register's sheet rows and columns. `check` finds the resolver from the
 * map itself, so `check(data, { cells: read.cells })` marks the same cells as before.
 * A WeakMap: nothing is added to the map object (Object.values, JSON and copies are unchanged).
 */
import type { CellMap } from "./types";

export type CellResolver = (path: string) => string | undefined;

const resolvers = new WeakMap<object, CellResolver>();

/** Register `resolve` as the resolver of `cells` (used for paths `cells` has no entry for). */
export function setCellResolver(cells: CellMap, resolve: CellResolver): void {
  resolvers.set(cells, resolve);
}

/** The cell of a JSON path: the map's own entry, else its resolver's answer. */
export function cellOf(cells: CellMap, path: string): string | undefined {
  const own = Object.prototype.hasOwnProperty.call(cells, path) ? cells[path] : undefined;
  if (own !== undefined) return own;
  const r = resolvers.get(cells);
  return r ? r(path) : undefined;
}
