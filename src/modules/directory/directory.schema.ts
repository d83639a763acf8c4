import { type Static, Type } from 'typebox';
import { Hours, MailingAddress, WrittenChannel } from './profile.schema.ts';

export const Hotline = Type.Object(
  {
    productLine: Type.String(),
    name: Type.String(),
    description: Type.String(),
    phone: Type.String({ description: 'E.164' }),
    display: Type.String(),
    hours: Hours,
    queue: Type.String(),
  },
  { additionalProperties: false },
);

export const Directory = Type.Object(
  {
    issuer: Type.Object({ name: Type.String(), alsoKnownAs: Type.Array(Type.String()) }, { additionalProperties: false }),
    hotlines: Type.Array(Hotline),
    preferredWrittenChannel: Type.String({ description: 'id of the written channel the issuer prefers' }),
    writtenChannels: Type.Array(WrittenChannel),
    mailingAddresses: Type.Array(MailingAddress),
    emailAddresses: Type.Array(
      Type.Object(
        {
          address: Type.String(),
          purpose: Type.String(),
          official: Type.Boolean({ description: 'false: cited by others, not published by the issuer' }),
          note: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    officialDomains: Type.Array(Type.String()),
    officialWebPages: Type.Array(Type.Object({ label: Type.String(), url: Type.String() }, { additionalProperties: false })),
    apps: Type.Array(Type.Object({ store: Type.String(), name: Type.String(), url: Type.Optional(Type.String()) }, { additionalProperties: false })),
    regulator: Type.Object({ name: Type.String(), shortName: Type.String(), complaintUrl: Type.String() }, { additionalProperties: false }),
    securityAdvice: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type Directory = Static<typeof Directory>;
