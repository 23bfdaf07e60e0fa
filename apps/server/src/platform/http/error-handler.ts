import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import type { ErrorBody } from '@bmnn/contracts';
import { AppError, errors } from '../errors.ts';

/**
 * The single error handler: AppError → its status and `{ error: { code, message, details } }`;
 * Fastify's own request errors → clear 4xx codes; anything else → 500 with only a request id
 * (the cause goes to the log, never to the client).
 */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    let appError: AppError;
    if (err instanceof AppError) {
      appError = err;
    } else if (err instanceof ZodError) {
      appError = errors.validation({ details: { issues: err.issues.map((i) => ({ path: i.path.map(String), message: i.message })) } });
    } else {
      const fe = err as FastifyError;
      if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
        appError = new AppError({ code: 'request.too_large', message: 'Dữ liệu gửi lên quá lớn' });
      } else if (fe.statusCode === 429) {
        appError = new AppError({ code: 'request.rate_limited', message: 'Bạn thao tác quá nhiều lần. Vui lòng thử lại sau ít phút.' });
      } else if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        appError = new AppError({ code: 'request.malformed', message: 'Định dạng dữ liệu không được hỗ trợ (cần application/json)' });
      } else if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
        appError = new AppError({ code: 'request.malformed', message: 'Yêu cầu không hợp lệ: dữ liệu gửi lên sai định dạng' });
      } else {
        request.log.error({ err }, 'unhandled error');
        const body: ErrorBody = { error: { code: 'internal', message: 'Lỗi hệ thống. Hãy báo quản trị viên kèm mã yêu cầu.', requestId: request.id } };
        return reply.status(500).send(body);
      }
    }
    if (appError.status >= 500) request.log.error({ err: appError }, 'application error');
    const body: ErrorBody = {
      error: { code: appError.code, message: appError.message, ...(appError.details === undefined ? {} : { details: appError.details }), requestId: request.id },
    };
    return reply.status(appError.status).send(body);
  });
}
