"""Trains the peer's churn model: scikit-learn logistic regression on the same CSV, preprocessed as Cairn's clean
and train steps do (median / most-frequent imputation, standardised numbers, one-hot categories)."""
import sys

import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

csv, out = sys.argv[1], sys.argv[2]
data = pd.read_csv(csv, na_values=["", "NA", "N/A", "?"], keep_default_na=False)
target = "churn"
features = data.drop(columns=[target])
numeric = [c for c in features.columns if pd.api.types.is_numeric_dtype(features[c])]
categorical = [c for c in features.columns if c not in numeric]
model = Pipeline([
    ("prepare", ColumnTransformer([
        ("numeric", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("categorical", make_pipeline(SimpleImputer(strategy="most_frequent"),
                                      OneHotEncoder(handle_unknown="ignore")), categorical),
    ])),
    ("classify", LogisticRegression(max_iter=1000)),
])
model.fit(features, data[target])
joblib.dump({"model": model, "columns": list(features.columns)}, out)
print(f"trained on {len(data)} rows, train accuracy {model.score(features, data[target]):.3f}")
