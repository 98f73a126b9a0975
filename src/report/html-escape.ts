// Text and attribute values in the HTML reports (index.html, the semantic
// heatmap): the five characters HTML gives a meaning, as entities.
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const htmlEscape = (s: string | number): string => String(s).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
