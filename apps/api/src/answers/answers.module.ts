import type { Feature } from '../common/feature';
import { AnswersController } from './answers.controller';
import { AnswerRepository } from './answers.repository';
import { AnswersService } from './answers.service';

export const answersFeature: Feature = { providers: [AnswerRepository, AnswersService], controllers: [AnswersController] };
