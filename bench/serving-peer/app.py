"""The peer: the churn model behind Flask, as a typical scikit-learn service answers POST /predict."""
import os
import uuid

import joblib
import pandas as pd
from flask import Flask, jsonify, request

bundle = joblib.load(os.environ["PEER_MODEL"])
model, columns = bundle["model"], bundle["columns"]
labels = [str(label) for label in model.classes_]
app = Flask(__name__)


@app.post("/predict")
def predict():
    features = request.get_json()["features"]
    row = pd.DataFrame([features], columns=columns)
    probabilities = model.predict_proba(row)[0]
    best = int(probabilities.argmax())
    return jsonify(predictionId=str(uuid.uuid4()), label=labels[best],
                   probabilities=dict(zip(labels, map(float, probabilities))))
