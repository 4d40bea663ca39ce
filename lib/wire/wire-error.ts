/** Copy the parser refuses, with a one-line reason an operator can act on ("the item is empty"). */
export class WireError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WireError";
  }
}
