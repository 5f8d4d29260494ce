import { Injectable } from '@nestjs/common';
import type { ParsedTopic } from '@commons/realtime';
import { TopicAccess } from '../realtime/topic-access';
import { canReadTool, HOW_TO_GET_ACCESS } from './tool-access';
import { ToolRepository } from './tools.repository';

/** Sockets follow a local-authority-only tool's topic, and its threads' topics, only as its readers (canReadTool). */
@Injectable()
export class ToolTopicAccess extends TopicAccess {
  constructor(private readonly tools: ToolRepository) {
    super();
  }

  async restricted(topic: ParsedTopic) {
    if (topic.kind !== 'tool' && topic.kind !== 'thread') return null;
    const access = await this.tools.topicAccess(topic.topic);
    if (access !== 'local_authority') return null;
    return (user: Parameters<typeof canReadTool>[0]) => (canReadTool(user, { access }) ? null : HOW_TO_GET_ACCESS);
  }
}
