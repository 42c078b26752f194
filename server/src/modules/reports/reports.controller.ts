import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import type { Response } from 'express';
import { monthlyReportQuerySchema, monthlyReportSchema, REPORT_READER_ROLES, type MonthlyReport, type MonthlyReportQuery } from '@app/shared';
import { z } from 'zod';
import { ZodValidationPipe } from '../../common/validation/zod-validation.pipe.js';
import { Roles } from '../auth/roles.decorator.js';
import { monthlyReportCsv, monthlyReportFilename } from './monthly-report.csv.js';
import { ReportsService } from './reports.service.js';

@Controller('reports')
@Roles(...REPORT_READER_ROLES)
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('monthly')
  @ApiOperation({
    summary: 'The monthly management report',
    description: `The complaints received in one month (Beijing time; the current one by default), of one owning department or all, as they stand now. For ${REPORT_READER_ROLES.join(', ')}.`,
  })
  @ApiOkResponse({ schema: z.toJSONSchema(monthlyReportSchema, { target: 'openapi-3.0' }) as SchemaObject })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: any other role' })
  monthly(@Query(new ZodValidationPipe(monthlyReportQuerySchema)) query: MonthlyReportQuery): Promise<MonthlyReport> {
    return this.reports.monthly(query);
  }

  @Get('monthly.csv')
  @ApiOperation({ summary: 'The monthly management report as a CSV download', description: 'UTF-8 with a byte-order mark, one block per table, zh-CN headers.' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'the CSV file' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: any other role' })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async monthlyCsv(
    @Query(new ZodValidationPipe(monthlyReportQuerySchema)) query: MonthlyReportQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const report = await this.reports.monthly(query);
    const { ascii, chinese } = monthlyReportFilename(report);
    response.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`);
    return monthlyReportCsv(report);
  }
}
