import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { savedViewInputSchema, type SavedView, type SavedViewInput, type UserSummary } from '@app/shared';
import { z } from 'zod';
import { ZodValidationPipe } from '../../common/validation/zod-validation.pipe.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { SavedViewsService } from './saved-views.service.js';

@Controller('views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  @Get()
  list(@CurrentUser() user: UserSummary): Promise<SavedView[]> {
    return this.views.list(user.id);
  }

  @Post()
  @HttpCode(201)
  create(@Body(new ZodValidationPipe(savedViewInputSchema)) input: SavedViewInput, @CurrentUser() user: UserSummary): Promise<SavedView> {
    return this.views.create(user.id, input);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', new ZodValidationPipe(z.uuid())) id: string, @CurrentUser() user: UserSummary): Promise<void> {
    return this.views.remove(user.id, id);
  }
}
