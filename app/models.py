"""Every table of the application, imported in one place so Alembic and the app see them all."""
from app.conversations.models import Conversation, ConversationMessage
from app.feedback.models import Feedback
from app.querylog.models import QueryLogRecord
from app.store.models import (
                                  Entry,
                                  EntryAlias,
                                  EntryCommand,
                                  EntryErrorCode,
                                  EntryHttpStatus,
                                  EntrySource,
                                  EntryText,
                                  KnowledgeState,
)

__all__ = ["Conversation", "ConversationMessage", "Entry", "EntryAlias", "EntryCommand", "EntryErrorCode",
           "EntryHttpStatus", "EntrySource", "EntryText", "Feedback", "KnowledgeState", "QueryLogRecord"]
