/**
 * Template `qcdc-2021` (../shared/spec/qcdc-2021.md), as files: the definition
 * (template.json), the summary's sentences, the appendix lines, the words of a draft and
 * the workbook's names. Put together here into one template (docs/spec/template.md).
 */
import type { TemplateDef } from "../../types";
import definition from "./template.json";
import sentences from "./sentences.json";
import appendix from "./appendix.json";
import draftPhrases from "./draft-phrases.json";
import workbook from "./workbook.json";

export const qcdc2021 = { ...definition, sentences, appendix, draftPhrases, workbook } as unknown as TemplateDef;
