export { createMailbox, type Mailbox, type MailboxItem, type MailboxMessage } from './mailbox.js';
