"""Reading a chat message against the conversation so far: which kind of turn it is (a new
topic, a follow-up, "that didn't help", a language request, small talk) and what to answer
with, given the conversation state and the matcher's result. Plain Python: no Flask, no database.
"""
