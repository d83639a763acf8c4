import { registerNoticeTemplate } from '../notice-templates.ts';
import { complaintAcknowledgment } from './complaint-acknowledgment.ts';
import { complaintResponse } from './complaint-response.ts';

/** The templates Cardcare ships; importing this module registers them once. */
registerNoticeTemplate(complaintAcknowledgment);
registerNoticeTemplate(complaintResponse);
export const BUILT_IN_KINDS = [complaintAcknowledgment.kind, complaintResponse.kind] as const;
