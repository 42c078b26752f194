import { Controller, Get, Query } from '@nestjs/common';
import { phoneSchema } from '@app/shared';
import { z } from 'zod';
import { ZodValidationPipe } from '../../common/validation/zod-validation.pipe.js';
import { CustomersService } from './customers.service.js';

const lookupQuerySchema = z.strictObject({ phone: phoneSchema });

@Controller('customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  /** Intake looks the caller up by phone: a returning complainer shows with earlier cases. */
  @Get('lookup')
  lookup(@Query(new ZodValidationPipe(lookupQuerySchema)) query: z.output<typeof lookupQuerySchema>) {
    return this.customers.findByPhone(query.phone);
  }
}
