"""Extensions created unbound, so every module can import them without the app."""
from flask_limiter import Limiter
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

from app.database import Base
from app.ratelimit import is_exempt_client, rate_limit_key

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
limiter = Limiter(key_func=rate_limit_key)
limiter.request_filter(is_exempt_client)
