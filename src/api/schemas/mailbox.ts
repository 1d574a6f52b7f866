import { Type } from 'typebox';

export const MailboxItem = Type.Object({
  id: Type.String(),
  scope: Type.String(),
  to: Type.String(),
  from: Type.String(),
  subject: Type.String(),
  messageId: Type.String(),
  receivedAt: Type.String(),
});
export const MailboxMessage = Type.Intersect([
  MailboxItem,
  Type.Object({ text: Type.String(), html: Type.Union([Type.String(), Type.Null()]) }),
]);
