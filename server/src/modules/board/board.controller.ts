import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  boardFiltersSchema,
  boardPageQuerySchema,
  boardQuerySchema,
  caseColumnSchema,
  type BoardCardLookup,
  type BoardFilters,
  type BoardPage,
  type BoardPageQuery,
  type BoardQuery,
  type BoardSnapshot,
  type CaseColumn,
  type UserSummary,
} from '@app/shared';
import { z } from 'zod';
import { ZodValidationPipe } from '../../common/validation/zod-validation.pipe.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { BoardService } from './board.service.js';

@Controller('board')
export class BoardController {
  constructor(private readonly board: BoardService) {}

  /** Every column's total and first page, most urgent first, for the filters in the query string. */
  @Get()
  snapshot(
    @Query(new ZodValidationPipe(boardQuerySchema)) query: BoardQuery,
    @CurrentUser() user: UserSummary,
  ): Promise<BoardSnapshot> {
    return this.board.snapshot(query, user.id);
  }

  /** The next page of one column (of one lane), after a cursor from the snapshot or the previous page. */
  @Get('columns/:column')
  page(
    @Param('column', new ZodValidationPipe(caseColumnSchema)) column: CaseColumn,
    @Query(new ZodValidationPipe(boardPageQuerySchema)) query: BoardPageQuery,
    @CurrentUser() user: UserSummary,
  ): Promise<BoardPage> {
    return this.board.page(column, query, user.id);
  }

  /** One card as the board shows it, or null when the filters leave it off. */
  @Get('cards/:id')
  card(
    @Param('id', new ZodValidationPipe(z.uuid())) id: string,
    @Query(new ZodValidationPipe(boardFiltersSchema)) filters: BoardFilters,
    @CurrentUser() user: UserSummary,
  ): Promise<BoardCardLookup> {
    return this.board.card(id, filters, user.id);
  }
}
