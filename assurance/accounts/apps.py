from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "assurance.accounts"
    label = "accounts"
    verbose_name = "Accounts"
