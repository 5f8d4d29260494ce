import type { Feature } from '../common/feature';
import { DashboardController, InitiativesController } from './initiatives.controller';
import { InitiativeRepository } from './initiatives.repository';
import { InitiativesService } from './initiatives.service';

export const initiativesFeature: Feature = {
  providers: [InitiativesService, InitiativeRepository],
  controllers: [InitiativesController, DashboardController],
};
