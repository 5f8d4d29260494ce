import type { Feature } from '../common/feature';
import { AdoptionService } from './adoption.service';
import { DesignRepository } from './design.repository';
import { DesignService } from './design.service';
import { DesignDocs } from './design/design-docs';
import { DesignGateway } from './design/design.gateway';
import { DesignModerationController } from './design/design-moderation.controller';
import { DesignLive } from './design/design-live.service';
import { DesignVersions } from './design/design-versions.service';
import { OrganisationToolsController, ToolsController } from './tools.controller';
import { ToolRepository } from './tools.repository';
import { ToolsService } from './tools.service';
import { TopicAccess } from '../realtime/topic-access';
import { ToolTopicAccess } from './tool-topics';

/** The catalogue: tools, releases, adoption, co-design documents. */
export const toolsFeature: Feature = {
  providers: [ToolsService, AdoptionService, DesignService, ToolRepository, DesignRepository, DesignDocs, DesignVersions, DesignLive],
  controllers: [ToolsController, OrganisationToolsController, DesignModerationController],
  // ToolTopicAccess: who may follow a tool's (and its threads') topics, on the socket side.
  api: [DesignGateway, ToolTopicAccess, { provide: TopicAccess, useExisting: ToolTopicAccess }],
};
