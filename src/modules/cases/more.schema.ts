import { Type } from 'typebox';

export const MacroView = Type.Object({ id: Type.String(), title: Type.String(), body: Type.String() }, { additionalProperties: false });
export const MacroList = Type.Object({ items: Type.Array(MacroView) }, { additionalProperties: false });
export const NewMacroBody = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 120 }), body: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);
export const RenderMacroBody = Type.Object({ caseId: Type.String({ pattern: '^case_[0-9a-z]{16}$' }) }, { additionalProperties: false });
export const RenderedMacro = Type.Object({ body: Type.String() }, { additionalProperties: false });
export const AvailabilityBody = Type.Object({ available: Type.Boolean() }, { additionalProperties: false });
