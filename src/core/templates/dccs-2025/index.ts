/**
 * Template `dccs-2025` (docs/spec/dccs-2025.md): the report on implementing grassroots
 * democracy under Law 10/2022/QH15, local government in two tiers from 1 July 2025. A draft
 * the receiving body adjusts (`draft`). As files: the definition (template.json), the wording
 * of some rules' messages, the summary's sentences, the appendix lines, the words of a draft and the workbook's
 * names, put together here into one template (docs/spec/template.md).
 */
import type { TemplateDef } from "../../types";
import definition from "./template.json";
import sentences from "./sentences.json";
import appendix from "./appendix.json";
import workbook from "./workbook.json";
import messages from "./messages.json";
import draftPhrases from "./draft-phrases.json";

export const dccs2025 = { ...definition, messages, sentences, appendix, draftPhrases, workbook } as unknown as TemplateDef;
