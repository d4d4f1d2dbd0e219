"""Currencies and their exchange-rate history.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 10:40:08.252571

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('currencies',
    sa.Column('code', sa.String(length=3), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('exchange_rates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('base', sa.String(length=3), nullable=False),
    sa.Column('rate', sa.BigInteger(), nullable=False),  # exact: units x 10**10
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['currency'], ['currencies.code'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('exchange_rates', schema=None) as batch_op:
        batch_op.create_index('ix_exchange_rates_currency_created', ['currency', 'created_at'], unique=False)



def downgrade():
    with op.batch_alter_table('exchange_rates', schema=None) as batch_op:
        batch_op.drop_index('ix_exchange_rates_currency_created')

    op.drop_table('exchange_rates')
    op.drop_table('currencies')
