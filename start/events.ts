/*
| Application event listeners. Mail is logged by deliverMail() itself, so a test or a
| page can rely on the email_logs row existing once the send returns.
*/
export {}
