/** The report editor of one action and quarter. */
export function editorPath(actionCode: string, period: string): string {
  return `/reporting/${encodeURIComponent(actionCode)}/${encodeURIComponent(period)}`;
}

/** The ministry's answer to its part in another agency's action. */
export function partPath(actionCode: string): string {
  return `/reporting/parts/${encodeURIComponent(actionCode)}`;
}
