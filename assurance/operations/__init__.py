"""Running a deployment: backing up and restoring the database (``manage.py backup``,
``manage.py restore``)."""
