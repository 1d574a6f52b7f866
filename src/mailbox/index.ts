export { createMailbox, listMailbox, getMailboxMessage, type Mailbox, type MailboxItem, type MailboxMessage } from './mailbox.js';
