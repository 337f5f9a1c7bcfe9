/**
 * `phuluc template export|check` and `--template ID|mau.json|mau.xlsx` for every command:
 * a template from a built-in id, a JSON file or a designer workbook. Conversion lives in
 * src/core/designer/; this file only reads and writes files.
 */
import * as fs from "fs";
import * as path from "path";
import type { Finding, Lang, TemplateDef } from "../core/types";
import { getTemplate, listTemplates, registerTemplate } from "../core/templates/index";
import { parseTemplateText, templateJsonText } from "../core/designer/json";
import { checkDesigner, isDesignerWorkbook, planDesigner } from "../core/designer/sheets";
import { checkTemplate } from "../core/template-check";
import { CliError, decodeTextFile, extOf, formatFindings, langOf, parseArgs, readFileBytes } from "./input";
import { loadSnapshot, writePlan } from "./xlsx";

interface Io {
  out(s: string): void;
  err(s: string): void;
}

export interface TemplateCheck {
  /** The template, when it has no error. */
  template?: TemplateDef;
  findings: Finding[];
  kind: "json" | "xlsx" | "builtin";
}

/** Reads a template file (JSON or designer workbook) or a built-in id and lists its mistakes. Throws CliError for unreadable input. */
export async function readTemplateSource(src: string, lang: Lang): Promise<TemplateCheck> {
  const ext = extOf(src);
  if (ext === ".json") {
    const text = decodeTextFile(readFileBytes(src, { vi: "tệp mẫu", en: "Template file" }), src);
    const p = parseTemplateText(text, lang);
    if (p.findings.some((f) => f.rule === "template.json" || f.rule === "template.format")) throw new CliError(parseTemplateText(text, "vi").findings[0].message, parseTemplateText(text, "en").findings[0].message);
    return { template: p.template, findings: p.findings, kind: "json" };
  }
  if (ext === ".xlsx" || ext === ".xlsm") {
    const snap = await loadSnapshot(src);
    if (!isDesignerWorkbook(snap)) {
      throw new CliError(
        `"${src}" không phải sổ thiết kế mẫu (không có trang "Chỉ tiêu" của mẫu). Lấy một sổ thiết kế bằng: phuluc template export dccs-2025 -o mau.xlsx`,
        `"${src}" is not a template designer workbook (no template "Chỉ tiêu" sheet). Get one with: phuluc template export dccs-2025 -o template.xlsx`,
      );
    }
    const r = checkDesigner(snap, { lang });
    const errors = r.findings.some((f) => f.severity === "error");
    return { template: errors ? undefined : r.template, findings: r.findings, kind: "xlsx" };
  }
  const t = getTemplate(src);
  if (t) return { template: t, findings: checkTemplate(t, { lang }), kind: "builtin" };
  const known = listTemplates()
    .map((x) => x.id)
    .join(", ");
  throw new CliError(
    `Không có mẫu "${src}": ghi mã một mẫu có sẵn (${known}), hoặc một tệp mẫu .json / sổ thiết kế .xlsx.`,
    `No template "${src}": give a built-in id (${known}), or a template file .json / designer workbook .xlsx.`,
  );
}

/** `--template X`: the template to use (registered so every part of the program finds it), or a CliError listing its first mistakes. */
export async function loadTemplateOption(src: string, lang: Lang): Promise<TemplateDef> {
  const r = await readTemplateSource(src, lang);
  if (!r.template) {
    const errs = r.findings.filter((f) => f.severity === "error");
    const list = (l: Lang) =>
      errs
        .slice(0, 5)
        .map((f) => `  - ${f.cells && f.cells.length ? f.cells[0] : f.path || ""}: ${l === lang ? f.message : f.message}`)
        .join("\n");
    throw new CliError(
      `Mẫu "${src}" có ${errs.length} lỗi, chưa dùng được:\n${list("vi")}\nXem đủ: phuluc template check ${src}`,
      `Template "${src}" has ${errs.length} error(s) and cannot be used:\n${list("en")}\nSee all: phuluc template check ${src}`,
    );
  }
  if (r.kind !== "builtin") registerTemplate(r.template);
  return r.template;
}

const HELP = {
  vi: `phuluc template export MÃ|mau.json [-o mau.xlsx|mau.json] [--force]
phuluc template check mau.xlsx|mau.json [--json]

Thiết kế mẫu báo cáo trong Excel:
  export   ghi một mẫu ra sổ thiết kế .xlsx (các trang "Chỉ tiêu", "Sổ theo dõi", "Quy tắc",
           "Câu văn", "Thông tin mẫu") hoặc tệp .json; không có -o thì in JSON ra màn hình
  check    liệt kê các lỗi của mẫu, tại ô của sổ thiết kế (hoặc vị trí trong tệp JSON)
Dùng mẫu đã thiết kế: phuluc init so-lieu.xlsx --template mau.xlsx (mẫu được lưu trong sổ tính).
Mã thoát: 0 không có lỗi, 1 mẫu có lỗi, 2 không đọc được tệp.
`,
  en: `phuluc template export ID|template.json [-o template.xlsx|template.json] [--force]
phuluc template check template.xlsx|template.json [--json]

Design a report template in Excel:
  export   write a template as a designer workbook .xlsx ("Chỉ tiêu", "Sổ theo dõi", "Quy tắc",
           "Câu văn", "Thông tin mẫu" sheets) or a .json file; without -o, JSON is printed
  check    list the template's mistakes at the designer's cells (or JSON paths)
Use a designed template: phuluc init data.xlsx --template template.xlsx (stored in the workbook).
Exit code: 0 no error, 1 the template has errors, 2 file unreadable.
`,
};

async function cmdExport(args: string[], lang: Lang, io: Io): Promise<number> {
  const p = parseArgs(args, { "-o": "-o", "--output": "-o", "--out": "-o", "--lang": "--lang" }, ["--force"], "phuluc template");
  if (p.positional.length !== 1) throw new CliError("Cách dùng: phuluc template export MÃ [-o mau.xlsx|mau.json] [--force]", "Usage: phuluc template export ID [-o template.xlsx|template.json] [--force]");
  const t = await loadTemplateOption(p.positional[0], lang);
  const out = p.options.get("-o");
  if (!out) {
    io.out(templateJsonText(t));
    return 0;
  }
  const ext = extOf(out);
  if (ext !== ".xlsx" && ext !== ".json") throw new CliError(`Tệp ra cần đuôi .xlsx hoặc .json: "${out}".`, `The output must end in .xlsx or .json: "${out}".`);
  if (fs.existsSync(out) && !p.flags.has("--force")) {
    throw new CliError(`Tệp "${out}" đã có; phuluc không ghi đè. Chọn tên khác, hoặc thêm --force để ghi đè.`, `"${out}" already exists; phuluc does not overwrite it. Pick another name, or add --force to overwrite.`);
  }
  if (path.resolve(out) === path.resolve(p.positional[0])) throw new CliError("Tệp ra (-o) phải khác tệp vào.", "The output file (-o) must differ from the input.");
  if (ext === ".json") {
    try {
      fs.writeFileSync(out, templateJsonText(t), "utf8");
    } catch (e) {
      throw new CliError(`Không ghi được tệp "${out}" (${(e as Error).message}).`, `Cannot write "${out}" (${(e as Error).message}).`);
    }
  } else {
    await writePlan(planDesigner(t), out);
  }
  io.out(
    lang === "en"
      ? `Wrote template ${t.id} (version ${t.version ?? 1}, ${t.indicators.length} indicators) to ${out}. Edit it, then: phuluc template check ${out}\n`
      : `Đã ghi mẫu ${t.id} (phiên bản ${t.version ?? 1}, ${t.indicators.length} chỉ tiêu) ra ${out}. Sửa mẫu, rồi chạy: phuluc template check ${out}\n`,
  );
  return 0;
}

async function cmdCheck(args: string[], lang: Lang, io: Io): Promise<number> {
  const p = parseArgs(args, { "--lang": "--lang" }, ["--json"], "phuluc template");
  if (p.positional.length !== 1) throw new CliError("Cách dùng: phuluc template check mau.xlsx|mau.json [--json]", "Usage: phuluc template check template.xlsx|template.json [--json]");
  const file = p.positional[0];
  const r = await readTemplateSource(file, lang);
  const errors = r.findings.filter((f) => f.severity === "error").length;
  if (p.flags.has("--json")) {
    io.out(JSON.stringify({ file, template: r.template?.id ?? null, findings: r.findings, summary: { errors, warnings: r.findings.length - errors } }, null, 2) + "\n");
    return errors ? 1 : 0;
  }
  const L = (vi: string, en: string) => (lang === "en" ? en : vi);
  const lines = [L(`Kiểm tra mẫu ${file}`, `Check of template ${file}`), L(`Kết quả: ${errors} lỗi.`, `Result: ${errors} error(s).`)];
  lines.push(
    ...formatFindings(r.findings, lang, (f) => {
      if (f.cells && f.cells.length) return [L("Ô: ", "Cell: ") + f.cells.join(", ")];
      return f.path ? [L("Vị trí: ", "Path: ") + f.path] : [];
    }),
  );
  if (!r.findings.length) lines.push("", L("Mẫu không có lỗi. Dùng mẫu: phuluc init so-lieu.xlsx --template " + file, "No mistakes. Use it: phuluc init data.xlsx --template " + file));
  io.out(lines.join("\n") + "\n");
  return errors ? 1 : 0;
}

/** `phuluc template …` */
export async function runTemplate(args: string[], io: Io): Promise<number> {
  const lang = langOf(args.find((_a, i) => args[i - 1] === "--lang") ?? (args.find((a) => a.startsWith("--lang="))?.slice(7) || undefined));
  const at = args.findIndex((a, i) => !a.startsWith("-") && !["--lang", "-o", "--output", "--out"].includes(args[i - 1]));
  const sub = at >= 0 ? args[at] : undefined;
  const rest = args.filter((_a, i) => i !== at);
  if (!sub || args.includes("--help") || args.includes("-h")) {
    io.out(lang === "en" ? HELP.en : HELP.vi);
    return sub || args.includes("--help") || args.includes("-h") ? 0 : 2;
  }
  if (sub === "export") return cmdExport(rest, lang, io);
  if (sub === "check") return cmdCheck(rest, lang, io);
  throw new CliError(`Không có lệnh "phuluc template ${sub}". Dùng: phuluc template export | check.`, `Unknown command "phuluc template ${sub}". Use: phuluc template export | check.`);
}
