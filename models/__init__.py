"""SQLAlchemy models, the project store and its Alembic migrations. No Qt, no domain logic."""

from models import analysis_models as analysis_models  # noqa: F401  (matrix_cells)
from models import event_models as event_models  # noqa: F401  (event_types, events)
from models import group_models as group_models  # noqa: F401  (groups, members)
from models import nlp_models as nlp_models  # noqa: F401  (nlp_cache, pseudonym_names)
from models import pseudonym_models as pseudonym_models  # noqa: F401  (pseudonymised_documents)
from models import schema as schema  # noqa: F401  (registers the tables on Base.metadata)
from models import survey_models as survey_models  # noqa: F401  (questionnaires)
from models import team_models as team_models  # noqa: F401  (team_members)
from models import withdrawal_models as withdrawal_models  # noqa: F401  (withdrawals)
from models.base import Base as Base
