// Minimal types for json-logic-js 2.0.5, which ships none (@types/json-logic-js would replace this).
declare module 'json-logic-js' {
  const jsonLogic: {
    apply(logic: unknown, data?: unknown): unknown;
  };
  export default jsonLogic;
}
