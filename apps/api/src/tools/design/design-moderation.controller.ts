import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HeldSections } from '@commons/domain';
import { Authenticated } from '../../auth/auth.guard';
import { Doc } from '../../common/api-doc';
import { DesignService } from '../design.service';

@ApiTags('moderation')
@Controller('moderation/design-sections')
export class DesignModerationController {
  constructor(private readonly design: DesignService) {}

  @Get()
  @Authenticated({ roles: ['moderator', 'admin'] })
  @Doc({ summary: 'Design sections held for personal data, oldest first (moderators)', returns: HeldSections, errors: [403] })
  held() {
    return this.design.held();
  }
}
