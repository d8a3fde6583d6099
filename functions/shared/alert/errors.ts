/** An alert item that cannot be read back (missing key, wrong type, bad time). */
export class AlertFormatError extends Error {
  override name = "AlertFormatError";
}
