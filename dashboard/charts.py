"""Pure chart builders: a DataFrame in, a plotly Figure out."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go


def volume_figure(
    volume: pd.DataFrame, *, by: str = "outlet", title: str = "Articles per month"
) -> go.Figure:
    """Stacked bars of `articles` per `month`, one trace per value of `by`."""
    fig = go.Figure()
    for name, group in volume.groupby(by, sort=True):
        fig.add_bar(x=group["month"], y=group["articles"], name=str(name))
    fig.update_layout(
        title=title,
        barmode="stack",
        xaxis_title="month",
        yaxis_title="articles",
        legend_title=by,
        margin={"t": 60, "l": 40, "r": 20, "b": 40},
    )
    return fig
