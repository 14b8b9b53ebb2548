/** The recording SMS gateway (also what `npm start`'s demo sends to): see the server's copy. */
export {
  type RecordedSms,
  type SmsGateway,
  startSmsGateway,
} from '../../src/server/paging/demo-sms-gateway';
