/** The core's public API (see /work/team.md "Core API"). */
export * from "./types";
export * from "./vn";
export * from "./values";
export * from "./symbol";
export * from "./normalize";
export * from "./engine";
export * from "./expr";
export { MESSAGES, tr, fill } from "./i18n";
export { getTemplate, listTemplates, registerTemplate } from "./templates/index";
export * from "./template-info";
