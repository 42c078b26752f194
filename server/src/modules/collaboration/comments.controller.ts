import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { STAFF_ROLES, commentInputSchema, type CaseComment, type CommentInput, type UserSummary } from '@app/shared';
import { RequestId } from '../../common/http/request-id.js';
import { ZodValidationPipe } from '../../common/validation/zod-validation.pipe.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CommentsService } from './comments.service.js';

@Controller('cases/:id/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  list(@Param('id') id: string): Promise<CaseComment[]> {
    return this.comments.list(id);
  }

  @Post()
  @HttpCode(201)
  @Roles(...STAFF_ROLES)
  add(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(commentInputSchema)) input: CommentInput,
    @CurrentUser() user: UserSummary,
    @RequestId() requestId: string,
  ): Promise<CaseComment> {
    return this.comments.add(id, input, { user, requestId });
  }
}
