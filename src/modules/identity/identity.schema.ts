import { Type } from 'typebox';

export const SignInBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    totp: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: '6-digit code; required for staff' })),
  },
  { additionalProperties: false },
);

export const UserView = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    role: Type.Union([Type.Literal('cardholder'), Type.Literal('agent'), Type.Literal('supervisor'), Type.Literal('compliance'), Type.Literal('admin')]),
    displayName: Type.String(),
    agentCode: Type.Optional(Type.String({ description: 'the representative ID cardholders see (staff only)' })),
    customerId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const SessionView = Type.Object(
  {
    token: Type.String({ description: 'use as Authorization: Bearer <token>; also set as an HttpOnly cookie' }),
    csrfToken: Type.String({ description: 'send as X-CSRF-Token on cookie-authenticated writes' }),
    expiresAt: Type.String({ format: 'date-time' }),
    user: UserView,
  },
  { additionalProperties: false },
);

export const MeView = Type.Object({ user: UserView, csrfToken: Type.String() }, { additionalProperties: false });
