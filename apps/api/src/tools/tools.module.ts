import type { Feature } from '../common/feature';
import { AdoptionService } from './adoption.service';
import { DesignRepository } from './design.repository';
import { DesignService } from './design.service';
import { OrganisationToolsController, ToolsController } from './tools.controller';
import { ToolRepository } from './tools.repository';
import { ToolsService } from './tools.service';

/** The catalogue: tools, releases, adoption, co-design documents. */
export const toolsFeature: Feature = {
  providers: [ToolsService, AdoptionService, DesignService, ToolRepository, DesignRepository],
  controllers: [ToolsController, OrganisationToolsController],
};
