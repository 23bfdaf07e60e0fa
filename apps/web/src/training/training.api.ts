// The training and meeting endpoints (apps/server/src/modules/training, meetings), typed from
// the shared contracts. Kept beside the pages, like danh-muc.api.ts, so that the shared
// endpoint file stays small.
import type {
  AttendanceImportReport,
  Dissemination,
  Meeting,
  MeetingStatus,
  MeetingSummary,
  PersonTraining,
  TrainingCoverage,
  TrainingPolicy,
  TrainingSession,
  addMeetingAttendeesRequest,
  createDisseminationRequest,
  createMeetingRequest,
  createTrainingSessionRequest,
  handOutMeetingDocumentRequest,
  removeTrainingAttendeeRequest,
  updateMeetingChecklistRequest,
  updateTrainingSessionRequest,
} from '@bmnn/contracts';
import type { z } from 'zod';
import { http, request } from '../api/api.client.ts';

export type AttendanceImportAnswer = { report: AttendanceImportReport; imported: number | null };

export const trainingApi = {
  sessions: () => http.get<{ sessions: TrainingSession[] }>('/api/training/sessions'),
  session: (id: string) => http.get<{ session: TrainingSession }>(`/api/training/sessions/${id}`),
  createSession: (body: z.output<typeof createTrainingSessionRequest>) => http.post<{ session: TrainingSession }>('/api/training/sessions', body),
  updateSession: (id: string, body: z.output<typeof updateTrainingSessionRequest>) => http.patch<{ session: TrainingSession }>(`/api/training/sessions/${id}`, body),
  removeAttendee: (id: string, personId: string, body: z.output<typeof removeTrainingAttendeeRequest>) => request<{ session: TrainingSession }>({ method: 'DELETE', path: `/api/training/sessions/${id}/attendees/${personId}`, body }),
  addAttendees: (id: string, personIds: string[]) => http.post<{ session: TrainingSession }>(`/api/training/sessions/${id}/attendees`, { personIds }),
  attendanceDocxUrl: (id: string) => `/api/training/sessions/${id}/attendance.docx`,
  disseminations: () => http.get<{ disseminations: Dissemination[] }>('/api/training/disseminations'),
  createDissemination: (body: z.output<typeof createDisseminationRequest>) => http.post<{ dissemination: Dissemination }>('/api/training/disseminations', body),
  people: (dueOnly: boolean) => http.get<{ people: PersonTraining[]; windowMonths: number; since: string; asOf: string }>('/api/training/people', { dueOnly }),
  coverage: () => http.get<{ coverage: TrainingCoverage }>('/api/training/coverage'),
  coverageXlsxUrl: () => '/api/training/coverage.xlsx',
  policy: () => http.get<TrainingPolicy>('/api/training/policy'),
  setPolicy: (body: TrainingPolicy) => http.put<TrainingPolicy>('/api/training/policy', body),
  importAttendance: (id: string, file: File, dryRun: boolean) => http.upload<AttendanceImportAnswer>(`/api/training/sessions/${id}/attendees/import`, file, { dryRun: dryRun ? 'true' : 'false' }),
};

export const meetingsApi = {
  list: (status?: MeetingStatus) => http.get<{ meetings: MeetingSummary[] }>('/api/meetings', { status }),
  get: (id: string) => http.get<{ meeting: Meeting }>(`/api/meetings/${id}`),
  create: (body: z.output<typeof createMeetingRequest>) => http.post<{ meeting: Meeting }>('/api/meetings', body),
  updateChecklist: (id: string, body: z.output<typeof updateMeetingChecklistRequest>) => http.patch<{ meeting: Meeting }>(`/api/meetings/${id}/checklist`, body),
  addEquipment: (id: string, deviceId: string) => http.post<{ meeting: Meeting }>(`/api/meetings/${id}/equipment`, { deviceId }),
  addAttendees: (id: string, body: z.output<typeof addMeetingAttendeesRequest>) => http.post<{ meeting: Meeting }>(`/api/meetings/${id}/attendees`, body),
  handOut: (id: string, body: z.output<typeof handOutMeetingDocumentRequest>) => http.post<{ meeting: Meeting }>(`/api/meetings/${id}/documents`, body),
  collect: (id: string, docId: string) => http.post<{ meeting: Meeting }>(`/api/meetings/${id}/documents/${docId}/collect`),
  held: (id: string) => http.post<{ meeting: Meeting }>(`/api/meetings/${id}/held`),
  close: (id: string) => http.post<{ meeting: Meeting }>(`/api/meetings/${id}/close`),
  noticeUrl: (id: string) => `/api/meetings/${id}/notice.docx`,
};
