import type { Feature } from '../common/feature';
import { MessageRepository, ThreadRepository } from './discussions.repository';
import { MessageSubject } from './message.subject';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';
import { ThreadsController } from './threads.controller';
import { ThreadsService } from './threads.service';

/** Threads and messages; MessageSubject registers messages with moderation in both processes. */
export const discussionsFeature: Feature = {
  providers: [ThreadsService, MessagesService, ThreadRepository, MessageRepository, MessageSubject],
  controllers: [ThreadsController, MessagesController],
};
