/** A hub issue under orchestration carries the control marker in its managed status section. */
export function readControlPresent(body: string): boolean {
  return body.includes("<!-- havun:control ");
}
