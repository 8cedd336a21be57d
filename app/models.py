"""Every table of the application, imported in one place so Alembic and the app see them all."""
from app.conversations.models import Conversation, ConversationMessage
from app.desk.models import AuditEvent, Proposal, StaffUser
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

__all__ = ["AuditEvent", "Conversation", "ConversationMessage", "Entry", "EntryAlias", "EntryCommand", "EntryErrorCode",
           "EntryHttpStatus", "EntrySource", "EntryText", "Feedback", "KnowledgeState", "Proposal", "QueryLogRecord",
           "StaffUser"]
