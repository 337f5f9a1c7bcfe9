/**
 * Template `qcdc-2021` (../shared/spec/qcdc-2021.md), as files: the definition
 * (template.json), the wording of some rules' messages, the summary's sentences, the appendix lines, the words of a draft and
 * the workbook's names. Put together here into one template (docs/spec/template.md).
 */
import type { TemplateDef } from "../../types";
import definition from "./template.json";
import sentences from "./sentences.json";
import appendix from "./appendix.json";
import draftPhrases from "./draft-phrases.json";
import workbook from "./workbook.json";
import messages from "./messages.json";

export const qcdc2021 = { ...definition, messages, sentences, appendix, draftPhrases, workbook } as unknown as TemplateDef;
